"""code stage."""
