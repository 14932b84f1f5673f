"""Clinician reports from an assessment: a one-page PDF and a FHIR R4 bundle."""
