from django.apps import AppConfig


class ObservationsConfig(AppConfig):
    name = "marsad.observations"
    label = "observations"
