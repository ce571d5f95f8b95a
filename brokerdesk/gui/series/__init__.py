"""Series and rounds in the window: roll over a programme into next year's round."""
