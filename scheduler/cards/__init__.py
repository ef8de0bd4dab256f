"""The cards stage: a tip and the brand into a PNG quote card; knows nothing of queues or networks."""
