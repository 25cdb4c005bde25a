"""The fictional library world: seeded generators for every table under datasets/."""
