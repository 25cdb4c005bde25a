"""Are the branches and rooms tables complete, consistent and messy only where documented?"""
import numpy as np


BRANCH_COLUMNS = ["branch_id", "branch_name", "is_central", "locale_code", "square_feet", "weekly_open_hours",
                  "opened_year", "home_tract", "address"]
ROOM_COLUMNS = ["room_id", "branch_id", "room_name", "square_feet", "seating_style", "occupant_load",
                "posted_capacity", "step_free_access", "hearing_loop", "adjustable_tables", "quiet_space",
                "projector", "microphone", "video_conferencing", "near_accessible_restroom"]
NET_SQFT = {"standing": 5, "chairs_only": 7, "tables_and_chairs": 15, "classroom": 20}


def test_branches_have_the_contract_columns_and_six_buildings(world):
    """Does branches have the contract's columns and the six buildings, with Central the only central one?"""
    branches = world["branches"]
    assert list(branches.columns) == BRANCH_COLUMNS
    assert sorted(branches.branch_id) == ["CEN", "EAS", "FER", "HAR", "MIL", "OAK"]
    assert branches.loc[branches.is_central, "branch_id"].tolist() == ["CEN"]
    assert branches.home_tract.str.fullmatch(r"CT01[0-4]\d").all()


def test_fernvale_is_small_and_rural(world):
    """Is Fernvale small (about 2,400 sq ft), open about 30 hours and coded rural (42)?"""
    fer = world["branches"].set_index("branch_id").loc["FER"]
    assert fer.locale_code == 42 and 2_000 <= fer.square_feet <= 3_000 and fer.weekly_open_hours == 30, fer


def test_rooms_have_the_contract_columns_and_every_branch_a_room(world):
    """Are there 12-16 rooms with the contract's columns, unique ids, and at least one in every branch?"""
    rooms = world["rooms"]
    assert list(rooms.columns) == ROOM_COLUMNS
    assert 12 <= len(rooms) <= 16 and rooms.room_id.is_unique
    assert set(rooms.branch_id) == set(world["branches"].branch_id)
    assert set(rooms.seating_style) <= set(NET_SQFT)
    for column in ROOM_COLUMNS[7:]:
        assert rooms[column].dtype == bool, column


def test_occupant_load_follows_the_building_code_table(world):
    """Is occupant_load floor(sq ft / net sq ft per person) as in IBC Table 1004.5 (FACTS.md, Event planning)?"""
    rooms = world["rooms"]
    expected = np.floor(rooms.square_feet / rooms.seating_style.map(NET_SQFT)).astype(int)
    assert (rooms.occupant_load == expected).all(), rooms.loc[rooms.occupant_load != expected, "room_id"].tolist()


def test_exactly_two_rooms_are_posted_above_their_occupant_load(world):
    """Do exactly the two documented rooms show a booking capacity above their occupant load?"""
    rooms = world["rooms"]
    over = sorted(rooms.loc[rooms.posted_capacity > rooms.occupant_load, "room_id"])
    assert over == ["CEN-KIT", "MIL-TEE"], over


def test_fernvale_has_one_small_room_without_step_free_access(world):
    """Has Fernvale exactly one small room, and is it the only room without step-free access?"""
    rooms = world["rooms"]
    fer = rooms[rooms.branch_id == "FER"]
    assert len(fer) == 1 and fer.square_feet.iloc[0] <= 400
    assert rooms.loc[~rooms.step_free_access, "room_id"].tolist() == fer.room_id.tolist()


def test_storytime_rooms_are_classed_as_seated_not_standing(world):
    """Are the storytime rooms (families on the carpet) classed chairs only, and is no room classed standing?"""
    rooms = world["rooms"].set_index("room_id")
    assert rooms.loc[["CEN-STO", "EAS-STO"], "seating_style"].eq("chairs_only").all()
    assert not rooms.seating_style.eq("standing").any()


def test_a_registration_limit_above_the_occupant_load_sits_in_a_posted_too_high_room(world):
    """Does the one registration limit above its room's occupant load sit in a room posted above that load?"""
    s = world["program_sessions"].merge(world["rooms"], on="room_id")
    over = s[s.capacity > s.occupant_load]
    assert over.room_id.tolist() == ["CEN-KIT"] and (over.capacity <= over.posted_capacity).all()
