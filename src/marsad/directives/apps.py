from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "marsad.directives"
    label = "directives"
