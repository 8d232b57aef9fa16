"""Fixtures shared by the tests: the kit's data and the pilot tree, built once."""

import pytest

import casekit


@pytest.fixture(scope="session")
def citizens():
    return casekit.load_citizens()


@pytest.fixture(scope="session")
def cohort_2019():
    return casekit.load_citizens("2019")


@pytest.fixture(scope="session")
def split(citizens):
    return casekit.split_pilot(citizens)


@pytest.fixture(scope="session")
def model(split):
    train, _ = split
    return casekit.train_pilot_tree(train)


@pytest.fixture(scope="session")
def test_part(split):
    return split[1]
