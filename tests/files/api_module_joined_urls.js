// a RuoYi-style API module whose addresses are joined from a base the module declares, and the view calling it
import request from '@/utils/request'
const baseURL = '/jcms/api'
var unitCode = "1001"

export function listReport(query) {
  return request({ url: baseURL + '/report/list', method: 'get', params: query })
}

export function listUnitReport(data) {
  return request({ url: '/api/unit/' + unitCode + '/reports', method: 'post', data: data })
}

export function getNotice(query) {
  return request({ url: notices + '/list', method: 'get', params: query })
}

listReport({ pageNum: 1, pageSize: 10, channel: 'ndbg' }).then(res => { this.list = res.rows })
listUnitReport({ pageNum: 1 }).then(res => { this.units = res.rows })
getNotice({ pageNum: 1 }).then(res => { this.notices = res.rows })
