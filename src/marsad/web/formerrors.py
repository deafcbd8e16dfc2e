"""A service's ValidationError shown on a form: each message beside its field, the rest on top."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def errors_into(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errs in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)
