"""Who calls from where: the client's address (through trusted proxies), embargoed locations (AUP
I.A.e) and keys shared between several clients (AUP I.B.a)."""
