"""Use cases of activities: planning and recording, volunteers and their hours on an activity,
free clinics, attachments, guideline checks, monthly coverage, requests, record sheets and sign-in
sheets, the activity ledger."""
