"""A real FHIR R4 server for the tests (Medplum's FHIR router on 127.0.0.1) and its own tests."""
