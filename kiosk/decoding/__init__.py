"""The YAML decoding toolkit below content and intake: safe reading, typed decoding, errors
with file and line."""
