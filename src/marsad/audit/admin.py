from django.contrib import admin
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from marsad.web.admin import InReadersWords
from marsad.web.changes import describe, source_words
from marsad.web.formatting import reader_wants_eastern

from .models import ChangeRecord


@admin.register(ChangeRecord)
class ChangeRecordAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("at", "action", "what", "user", "where_from")
    list_filter = ("action", ("content_type", admin.RelatedOnlyFieldListFilter))
    search_fields = ("object_repr", "source")
    readonly_fields = [f.name for f in ChangeRecord._meta.fields]

    @admin.display(description=_("record"))
    def what(self, obj) -> str:
        """The record changed, in the reader's words (as the change log page says it)."""
        kind = obj.content_type.model_class()
        parts = " · ".join(part["text"] for part in describe(obj, get_language(), reader_wants_eastern()))
        return f"{kind._meta.verbose_name}: {parts}" if kind is not None else parts

    @admin.display(description=_("source"))
    def where_from(self, obj) -> str:
        return source_words(obj.source, get_language(), reader_wants_eastern())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
