from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "marsad.audit"
    label = "audit"
    verbose_name = _("Change log")

    def ready(self) -> None:
        from .fields import name_fields

        # Field names as words in the admin, the forms and the change log (see fields.py).
        name_fields(m for m in apps.get_models() if m.__module__.startswith("marsad."))
