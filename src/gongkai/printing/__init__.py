"""Print sheets for the 公示栏 and 公开查阅点: per 乡镇 and date range, one A4 (or A3) page per record.

sheets (the gate's print records, their 公示期, 监督电话, QR code) → write (HTML per sheet plus an index, offline).
"""
