"""Reading the kiosk aloud: the espeak-ng voices (voices.py, no Qt), text cut into spoken parts
(parts.py, no Qt) and the speaker that says them without holding up the screen (speaker.py)."""
