"""Records: what the kiosk keeps on disk (visits, print jobs, audit), for a short time."""
