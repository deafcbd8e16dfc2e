from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "marsad.areas"
    label = "areas"
