from casekit import PILOT_FEATURES
from casekit.codebook import CATEGORIES, COLUMNS, categorical_dtype, codebook


def test_codebook_describes_every_column_in_order(citizens):
    assert codebook()["column"].tolist() == list(citizens.columns) == COLUMNS


def test_every_column_has_a_danish_label_a_source_and_a_meaning():
    book = codebook()
    for field in ("danish_label", "source", "meaning", "allowed_values"):
        assert book[field].str.len().gt(2).all(), field
    assert set(book["source"].str.split(" ").str[0]) <= {"Jobnet", "Fasit", "CPR", "outcome", "kit"}


def test_codebook_marks_the_pilot_features_and_keeps_origin_audit_only():
    book = codebook().set_index("column")["pilot_model"]
    assert set(book[book == "yes"].index) == set(PILOT_FEATURES)
    assert book["origin"] == "audit only" and "origin" not in PILOT_FEATURES
    assert book["unemployed_12m"] == "target"


def test_allowed_values_list_the_categories(citizens):
    book = codebook().set_index("column")["allowed_values"]
    for column, categories in CATEGORIES.items():
        assert book[column] == ", ".join(categories)
        assert set(citizens[column].dropna().unique()) <= set(categories)


def test_only_districts_and_education_are_ordered():
    assert [c for c in CATEGORIES if categorical_dtype(c).ordered] == ["district", "education"]


def test_the_data_command_writes_the_codebook_byte_for_byte():
    from casekit.data import DATA_DIR

    written = codebook().to_csv(index=False, lineterminator="\n")
    assert (DATA_DIR / "codebook.csv").read_bytes() == written.encode("utf-8")
