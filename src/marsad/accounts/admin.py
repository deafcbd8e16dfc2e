from django.contrib import admin

from .models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "organisation", "language")
    list_filter = ("role",)
    filter_horizontal = ("capture_areas", "view_areas")
    raw_id_fields = ("organisation",)


from .tokens import ApiToken, ApiTokenAdmin  # noqa: E402

admin.site.register(ApiToken, ApiTokenAdmin)
