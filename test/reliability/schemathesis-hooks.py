# Schemathesis hooks for the fuzz test (test/reliability/fuzz.test.ts). The session cookie is
# Schemathesis's own auth setting (so it knows which cases go without it); the form token that
# POST bodies carry, and the cookie it is bound to, come from the environment, so the cases reach
# validation and the workflows instead of all stopping at the form check.
import os

import schemathesis


@schemathesis.hook
def map_body(context, body):
    token = os.environ.get("DONDOC_CSRF")
    if token and isinstance(body, dict):
        return {**body, "_csrf": token}
    return body


@schemathesis.hook
def map_case(context, case):
    secret = os.environ.get("DONDOC_CSRF_COOKIE")
    if secret:
        case.cookies = {**(case.cookies or {}), "_csrf": secret}
    return case
