"""What posts did: snapshots of each post's counts at fixed ages (collect), and scores a manager can trust
(stats). Pure decisions live in ages.py and score.py; collect.py and stats.py apply them to the store."""
