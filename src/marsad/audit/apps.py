from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "marsad.audit"
    label = "audit"
