"""The ordered list of table generators and the seeded random stream each one gets."""
from __future__ import annotations

import hashlib
import importlib

import numpy as np
import pandas as pd

SEED = 20240701

# Each entry is a module of this package with `generate(rng, world) -> dict[str, DataFrame]`.
# Order matters: a generator may read any table made by one listed before it.
GENERATORS = [
    "places",        # branches, rooms
    "community",     # community_tracts, cardholders_by_tract
    "people",        # staff, partners, presenters
    "programs",      # program_sessions
    "attendance",    # registrations (home tracts drawn from community)
    "surveys",       # survey_responses
    "tasks",         # staff_tasks
    "finance",       # budget_lines, grants, revenue, volunteer_hours (staff time from tasks)
    "marketing",     # email_campaigns, social_posts
    "collections",   # circulation_by_subject
    "ideas",         # program_ideas
    "feedback",      # patron_feedback
    "statistics",    # monthly_stats
    "peers",         # peer_libraries
    "relations",     # feedback_coding, partner_checkins, slot_poll (from patron_feedback, sessions, partners)
    "pilots",        # pilot_sessions (Harbor Point's spring 2025 pilots; reads program_ideas)
    "holdings",      # collection_titles, desk_questions, program_subjects, program_checkouts
]


def stream(name: str, seed: int = SEED) -> np.random.Generator:
    """A random generator of its own for one generator module, stable whatever else changes."""
    salt = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")
    return np.random.default_rng([seed, salt])


def generate_world(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Run every generator in order and return all tables by name."""
    world: dict[str, pd.DataFrame] = {}
    for name in GENERATORS:
        module = importlib.import_module(f"autograder.world.{name}")
        tables = module.generate(stream(name, seed), world)
        clash = set(tables) & set(world)
        if clash:
            raise ValueError(f"generator {name} remade tables {sorted(clash)}")
        world.update(tables)
    return world
