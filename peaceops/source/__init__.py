"""Reading the editors' files: YAML with positions, field types, the data model, plain messages,
explaining validation errors, loading and checking the dataset, places, the publisher, page sources, the
JSON Schemas. The bottom of the core (above ``peaceops.languages``): it imports nothing else of ours.
"""
