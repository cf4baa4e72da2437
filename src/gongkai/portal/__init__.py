"""Export to the county portal (集约化平台): what changed on the web since the last export, as xlsx, JSON and XML.

plan (the gate's web records against the ledgers of earlier exports) → entry (the county directory's fields, the body
as a sanitised HTML fragment, the attachments) → formats (JSON, XML, xlsx) → write (swap the folder in, then the
ledger portal/<date>.yaml).
"""
