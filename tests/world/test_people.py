"""Are the staff, partners and presenters tables complete, linked and calibrated as documented?"""

STAFF_COLUMNS = ["staff_id", "first_name", "last_name", "branch_id", "role", "fte", "hourly_wage",
                 "benefits_rate", "hire_date"]
PARTNER_COLUMNS = ["partner_id", "partner_name", "partner_type", "focus_area", "interaction_level",
                   "partner_since", "in_kind_value_per_year", "rating_strategic_alignment", "rating_teamwork",
                   "rating_communication", "rating_relationship", "rating_operations", "contact_staff_id"]
PRESENTER_COLUMNS = ["presenter_id", "presenter_name", "presenter_type", "specialty", "fee_per_session",
                     "staff_id", "partner_id"]
ROLES = {"Branch manager", "Adult services librarian", "Youth services librarian", "Teen services librarian",
         "Library associate", "Outreach coordinator", "Programming coordinator", "Marketing specialist",
         "Digital literacy instructor"}
IMPACT_AREAS = {"connected", "knowledgeable", "creative", "civically engaged", "healthy", "economically vital",
                "welcoming", "joyful", "caring"}


def test_staff_schema_and_values(world):
    """Has staff the contract's columns, unique ids, known roles and branches, and FTE of 0.5, 0.75 or 1?"""
    staff = world["staff"]
    assert list(staff.columns) == STAFF_COLUMNS
    assert staff.staff_id.is_unique and 40 <= len(staff) <= 60
    assert set(staff.role) <= ROLES, set(staff.role) - ROLES
    assert set(staff.branch_id) == set(world["branches"].branch_id)
    assert set(staff.fte) <= {0.5, 0.75, 1.0}
    assert staff.benefits_rate.between(0.05, 0.40).all()
    assert staff.hire_date.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert (staff.groupby("branch_id").role.apply(lambda r: (r == "Branch manager").sum()) == 1).all()


def test_wages_sit_in_realistic_ranges_by_role(world):
    """Do associates earn about $19-24, librarians $29-38 and managers $38-46 an hour (the contract's ranges)?"""
    staff = world["staff"]
    ranges = {"Library associate": (19, 24), "Adult services librarian": (29, 38),
              "Youth services librarian": (29, 38), "Teen services librarian": (29, 38), "Branch manager": (38, 46)}
    for role, (low, high) in ranges.items():
        wages = staff.loc[staff.role == role, "hourly_wage"]
        assert wages.between(low, high).all(), f"{role}: {wages.min()}-{wages.max()}"


def test_partners_schema_values_and_liaisons(world):
    """Has partners the contract's columns, NILPPA impact areas, ratings 1-5 and liaisons who are staff?"""
    partners = world["partners"]
    assert list(partners.columns) == PARTNER_COLUMNS
    assert partners.partner_id.is_unique and partners.partner_name.is_unique and 70 <= len(partners) <= 90
    assert set(partners.partner_type) == {"school", "nonprofit", "government", "business", "cultural", "health"}
    assert set(partners.focus_area) <= IMPACT_AREAS
    assert set(partners.interaction_level) == {"promote", "co-host", "co-plan", "co-fund"}
    ratings = partners[PARTNER_COLUMNS[7:12]]
    assert ratings.isin([1, 2, 3, 4, 5]).all().all()
    assert partners.contact_staff_id.isin(world["staff"].staff_id).all()
    assert (partners.in_kind_value_per_year > 0).all()


def test_operations_is_the_lowest_rated_partnership_factor(world):
    """Is 'tackling operational concerns' the lowest-rated of the five NILPPA Phase 2 factors, as documented?

    Source of the factors: NILPPA Phase 2 partnership survey (FACTS.md, The framework)."""
    means = world["partners"][PARTNER_COLUMNS[7:12]].mean()
    assert means.idxmin() == "rating_operations", means.round(2).to_dict()


def test_presenters_link_to_staff_and_partners(world):
    """Do staff presenters point to staff, partner staff to partners, and nobody else to either?"""
    presenters = world["presenters"]
    assert list(presenters.columns) == PRESENTER_COLUMNS
    assert presenters.presenter_id.is_unique and 100 <= len(presenters) <= 140
    is_staff = presenters.presenter_type == "staff"
    is_partner = presenters.presenter_type == "partner staff"
    assert presenters.loc[is_staff, "staff_id"].isin(world["staff"].staff_id).all()
    assert presenters.loc[~is_staff, "staff_id"].isna().all()
    assert presenters.loc[is_partner, "partner_id"].isin(world["partners"].partner_id).all()
    assert presenters.loc[~is_partner, "partner_id"].isna().all()


def test_presenter_fees_follow_published_ranges(world):
    """Are performer fees a median near $300, mostly $200-$400, at most $1,900, and author honoraria $500-$2,500?

    Source: performers' survey of librarians and author honoraria (FACTS.md, Financial)."""
    presenters = world["presenters"]
    fee = presenters.fee_per_session
    free = presenters.presenter_type.isin(["staff", "volunteer", "partner staff"])
    assert (fee[free] == 0).all()
    performers = fee[presenters.presenter_type == "paid performer"]
    assert 250 <= performers.median() <= 350, performers.median()
    assert performers.between(200, 400).mean() >= 0.5, performers.between(200, 400).mean()
    assert performers.max() <= 1_900
    authors = fee[presenters.presenter_type == "author"]
    assert authors.between(500, 2_500).all(), authors.describe()
