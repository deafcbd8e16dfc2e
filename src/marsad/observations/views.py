from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def entry(request):
    return render(request, "web/placeholder.html", {"title": "Data entry"})


@login_required
def import_page(request):
    return render(request, "web/placeholder.html", {"title": "Import"})
