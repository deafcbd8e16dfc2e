from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "marsad.indicators"
    label = "indicators"
