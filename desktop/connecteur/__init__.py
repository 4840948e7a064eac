"""Connecteur: an offline library of the Connecteur Recherche 2020 for CNFPT trainers."""

__version__ = "0.1.0"

APP_NAME = "Connecteur"
ORGANIZATION = "CNFPT"
