"""API: who the caller is, with the areas they may view and capture."""

from ninja import Router, Schema

from marsad.web.apikit import ERRORS

from . import scopes

router = Router(tags=["accounts"])


class MeOut(Schema):
    username: str
    role: str
    administrator: bool
    view_areas: list[str]
    capture_areas: list[str]
    language: str


@router.get("/me", response={200: MeOut, **ERRORS}, summary="The authenticated user and their area scopes")
def me(request):
    user = request.auth
    profile = scopes.profile_of(user)
    return {
        "username": user.get_username(),
        "role": profile.role if profile else ("administrator" if user.is_superuser else "viewer"),
        "administrator": scopes.is_admin(user),
        "view_areas": sorted(profile.view_areas.values_list("code", flat=True)) if profile else [],
        "capture_areas": sorted(profile.capture_areas.values_list("code", flat=True)) if profile else [],
        "language": profile.language if profile else "ar",
    }
