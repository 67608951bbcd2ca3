"""tts-edition: newspaper issues into chaptered audio editions and a podcast feed."""

from importlib.metadata import version

__version__ = version("tts-edition")
