from django.apps import AppConfig


class TargetsConfig(AppConfig):
    name = "marsad.targets"
    label = "targets"
