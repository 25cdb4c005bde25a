"""The self-paced edition: a private workspace, whole-question checks, hints, model answers and progress."""
