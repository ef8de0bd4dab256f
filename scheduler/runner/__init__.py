"""The posting side: what is due, the one decision per claimed post, the daemon that wakes it."""
