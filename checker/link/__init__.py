"""Linking: which mentions, across documents and languages, name the same thing."""

from checker.link.entities import cluster_entities, entity_key, same_entity

__all__ = ["cluster_entities", "entity_key", "same_entity"]
