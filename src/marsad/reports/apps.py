from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "marsad.reports"
    label = "reports"
