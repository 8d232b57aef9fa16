"""Fixtures shared by the tests: the kit's data and the pilot tree, built once by :func:`casekit.pilot`."""

import pytest

import casekit


@pytest.fixture(scope="session")
def pilot():
    return casekit.pilot()


@pytest.fixture(scope="session")
def citizens(pilot):
    return pilot.citizens


@pytest.fixture(scope="session")
def cohort_2019():
    return casekit.load_citizens("2019")


@pytest.fixture(scope="session")
def split(pilot):
    return pilot.train, pilot.test


@pytest.fixture(scope="session")
def model(pilot):
    return pilot.model


@pytest.fixture(scope="session")
def test_part(pilot):
    return pilot.test
