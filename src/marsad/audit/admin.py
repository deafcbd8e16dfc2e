from django.contrib import admin

from marsad.web.admin import InReadersWords

from .models import ChangeRecord


@admin.register(ChangeRecord)
class ChangeRecordAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("at", "action", "object_repr", "user", "source")
    list_filter = ("action", "content_type")
    search_fields = ("object_repr", "source")
    readonly_fields = [f.name for f in ChangeRecord._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
