from django.contrib import admin

from marsad.web.admin import InReadersWords

from .models import Area


@admin.register(Area)
class AreaAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("code", "name_vi", "name_en", "name_ar", "level", "parent", "valid_to", "successor")
    list_filter = ("level", "kind")
    search_fields = ("code", "name_vi", "name_en", "name_ar")
    raw_id_fields = ("parent", "successor")
