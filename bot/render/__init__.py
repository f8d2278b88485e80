"""Pure functions from canon records to cards, and the composer that places text."""
