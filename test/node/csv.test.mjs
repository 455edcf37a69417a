// The CSV every element downloads, from source: a byte-order mark for Excel, RFC 4180 quoting, figures as plain
// numbers, feed text that a spreadsheet would run as a formula written as text, and file names without diacritics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvHeaders, csvOf, csvText, fileNameOf } from '../../packages/core/src/csv.ts';

test('BOM, CRLF, quoting of commas, quotes and line breaks; numbers as plain numbers; empty cells empty', () => {
  const text = csvText({ columns: ['Tên', 'Giá trị'], rows: [['Phú Thọ', 87.86], ['Xã "A", huyện B', 349887], ['hai\ndòng', null], ['NaN', Number.NaN]] });
  assert.ok(text.startsWith('\uFEFF'));
  assert.equal(text, '\uFEFFTên,Giá trị\r\nPhú Thọ,87.86\r\n"Xã ""A"", huyện B",349887\r\n"hai\ndòng",\r\nNaN,\r\n');
});

test('feed text a spreadsheet would run as a formula is written as text; a signed number in text stays', () => {
  const text = csvText({ columns: ['x'], rows: [['=HYPERLINK("http://evil","bấm")'], ['+cmd'], ['@SUM(A1)'], ['-12'], ['+84 912']] });
  const cells = text.slice(1).split('\r\n').slice(1, -1);
  assert.deepEqual(cells, ['"\'=HYPERLINK(""http://evil"",""bấm"")"', "'+cmd", "'@SUM(A1)", '-12', '+84 912']);
});

test('columns no record fills are left out; headers in Vietnamese or English', () => {
  const text = csvOf(['area', 'name', 'value', 'rank'], [{ area: '25', name: 'Phú Thọ', value: 87.86 }, { area: '08', name: 'Tuyên Quang', value: null }]);
  assert.equal(text.split('\r\n')[0], '\uFEFFMã địa bàn,Tên,Giá trị');
  assert.deepEqual(csvHeaders(['area', 'value'], 'en'), ['Area code', 'Value']);
});

test('file names: no diacritics, no spaces, at most 60 characters', () => {
  assert.equal(fileNameOf('Tỷ lệ hồ sơ trực tuyến, Đắk Lắk 2025', 'csv'), 'ty-le-ho-so-truc-tuyen-dak-lak-2025.csv');
  assert.equal(fileNameOf('', 'csv'), 'chiso.csv');
  assert.ok(fileNameOf('x'.repeat(200), 'csv').length <= 64);
});
