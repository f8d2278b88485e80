"""Canon content: the show's seasons, episodes, characters, actors and timeline."""
