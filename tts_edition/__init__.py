"""tts-edition."""
