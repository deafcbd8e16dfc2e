"""The frame's pages: home, dashboard, indicator explorer, change log."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render


def home(request):
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    return redirect("accounts:login")


@login_required
def dashboard(request):
    return render(request, "web/placeholder.html", {"title": "Dashboard"})


@login_required
def explorer(request):
    return render(request, "web/placeholder.html", {"title": "Indicator explorer"})


@login_required
def explorer_download(request, fmt: str):
    raise Http404(fmt)


@login_required
def changes(request):
    return render(request, "web/placeholder.html", {"title": "Change log"})


@login_required
def observation_changes(request, pk: int):
    raise Http404(pk)
