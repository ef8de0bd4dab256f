"""The middle of the pipeline: the campaign file a person reviews -> posts in the queue, on the timetable.

file       posts/<slug>.yaml: load, validate, merge, write (what split writes and a person edits)
review     approve tips, acknowledging their flags
timetable  the practice's weekly rhythm -> the next free times
queueing   approved tips -> posts in the queue, each with a slot (queue_campaigns and its report)
placing    slot-giving: the next free slots for new posts, pins, spread order; reslot
recycling  tips posted long enough ago, queued again once nothing is left to go out
refusals   why queue refuses (pins that break the timetable, tips too long) and what to do
planning   what goes out when (plan --json, the preview page)
"""
