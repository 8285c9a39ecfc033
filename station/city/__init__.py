"""The city office's side of the monthly statistics export.

The city office (干部心理健康服务办公室) keeps a folder with the stations' trusted public
keys and the exports it has accepted (:mod:`station.city.registry`), verifies each
export it receives (:mod:`station.city.verify`), adds the stations' published figures up
into city-level tables without undoing any station's suppression
(:mod:`station.city.aggregate`) and writes them as a workbook and a PDF with charts
(:mod:`station.city.outputs`). Nothing here opens a station vault or imports Qt.
"""
