"""Turns news articles and curated YAML background into Markdown explainer pages."""
