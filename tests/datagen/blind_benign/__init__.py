"""Benign prompts for the restricted-use check, written blind to its rules and classifier."""
