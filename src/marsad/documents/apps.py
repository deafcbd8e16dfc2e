from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "marsad.documents"
    label = "documents"
