"""The helpers a learner's notebook imports; copied into every assignment as plain files."""
